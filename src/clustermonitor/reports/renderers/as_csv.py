"""The CSV renderer: the report's tables one after another, plain figures (`45250000.00`).

First a one-row table with the report's header (report, year, as_of, figures); then each
table as a line with its title, its header line and its rows; tables are separated by an
empty line.
"""

import csv
import io

from clustermonitor.reports.figures import Report
from clustermonitor.reports.renderers.cells import cell_text, spreadsheet_cells
from clustermonitor.reports.tables import Table

HEADER = ("report", "year", "as_of", "figures")


def render_csv(report: Report, tables: list[Table]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerow([cell_text(report[key]) for key in HEADER])
    for table in tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.columns)
        writer.writerows(spreadsheet_cells(table))  # no text cell runs as a formula
    return out.getvalue()
