"""Loading the pages and languages for the running kiosk, in a short-lived process on the other
core.
"""
