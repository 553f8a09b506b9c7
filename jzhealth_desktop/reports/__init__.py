"""ReportLab documents: annual statistical report, newspaper-style special page, blank forms."""
