"""The app's screens: the main screen (with its autosave, search and conflict handling),
the role choice, the help screen, the dialogs, and the command palette's item search.
"""
