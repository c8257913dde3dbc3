"""Languages: the gettext catalogs (reading, checking, extracting), text direction, and how
complete each language is.
"""
