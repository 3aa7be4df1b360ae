"""The app's widgets: the framework tree, the detail pane, the note editor, the search
field and the status line, plus the helpers that show text literally.

Widgets show the model and report what the user did; they never save.
"""
