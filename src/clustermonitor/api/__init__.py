"""The read-only reports API: each report (and the drafted answer) as one HTTP call.

`GET /api/v1/reports/<name>/` serves exactly the JSON `clustermonitor report NAME
--format json` prints: the same `report_build`, the same serialisation. See docs/api.md.
"""
