"""The reports of reports.md: each answers part of written question 228 (2019).

One module per report makes its plain data (`registry.report_build`); `renderers` print
it as JSON, CSV or Markdown; `selectors` holds the as-of-aware reads they share.
"""
