"""The pages: reading them from Markdown, their text, regions and reading level, and how a
block is laid out in terminal cells.
"""
