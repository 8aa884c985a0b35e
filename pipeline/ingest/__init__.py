"""Reading: files and folders in, cleaned `Document`s out.

`inputs` finds the files a batch names and gives each a stable id; `read`
turns one file into a `Document` (`formats` extracts the text of each file
type, `decode` finds the encoding, `metadata` the title, date and speaker).
"""
