"""The drafted answer to written question 228 (2019): data assembled once, four renderers."""
