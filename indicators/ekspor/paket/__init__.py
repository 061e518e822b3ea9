"""The evaluation pack: content, PDF report and PPTX deck."""
