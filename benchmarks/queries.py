"""The baselines of the report benchmark: the same figures by one hand-written query.

`SQL[name]` runs on the application's own tables (SQLite and PostgreSQL alike: years are
compared as date ranges, no vendor functions). `DUCKDB[name]` computes the same figures
straight from the dataset's CSV files, the analyst's alternative: `DUCKDB_FILES[name]`
says which files it loads first.
"""

SIGNED = "CASE kind WHEN 'commitment' THEN amount WHEN 'decommitment' THEN -amount ELSE 0 END"
PAID = "CASE kind WHEN 'payment' THEN amount ELSE 0 END"
OP = "('spearhead_operation', 'ibn')"


def _in_year(column: str) -> str:
    return f"{column} >= %(start)s AND {column} < %(end)s"


SQL = {
    "budget-overview": f"""
        SELECT envelope, SUM(budget), SUM(allocated), SUM(committed), SUM(paid) FROM (
            SELECT envelope, amount AS budget, 0 AS allocated, 0 AS committed, 0 AS paid
              FROM budget_budget WHERE year = %(year)s
            UNION ALL SELECT envelope, 0, amount, 0, 0 FROM budget_allocation WHERE year = %(year)s
            UNION ALL SELECT envelope, 0, 0, {SIGNED}, {PAID} FROM budget_ledgerentry WHERE year = %(year)s
        ) t GROUP BY envelope""",
    "cluster-overview": f"""
        SELECT c.code, c.name, f.instrument, SUM(f.alloc_op), SUM(f.alloc_pr), SUM(f.comm_op),
               SUM(f.comm_pr), SUM(f.applications), SUM(f.approved), SUM(f.support), SUM(f.cost),
               SUM(f.other)
        FROM clusters_cluster c JOIN (
            SELECT cluster_id, '' AS instrument,
                   CASE WHEN envelope = 'spearhead_operation' THEN amount ELSE 0 END AS alloc_op,
                   CASE WHEN envelope = 'spearhead_projects' THEN amount ELSE 0 END AS alloc_pr,
                   0 AS comm_op, 0 AS comm_pr, 0 AS applications, 0 AS approved, 0 AS support,
                   0 AS cost, 0 AS other
              FROM budget_allocation WHERE year = %(year)s
            UNION ALL
            SELECT cluster_id, '', 0, 0,
                   CASE WHEN envelope = 'spearhead_operation' THEN {SIGNED} ELSE 0 END,
                   CASE WHEN envelope = 'spearhead_projects' THEN {SIGNED} ELSE 0 END, 0, 0, 0, 0, 0
              FROM budget_ledgerentry WHERE year = %(year)s AND kind <> 'payment'
            UNION ALL
            SELECT cluster_id, '', 0, 0, 0, 0, 1, 0, 0, 0, 0 FROM projects_project
             WHERE channel = 'earmarked' AND {_in_year("submitted_on")}
            UNION ALL
            SELECT cluster_id, CASE WHEN channel = 'other' THEN instrument ELSE '' END, 0, 0, 0, 0, 0,
                   CASE WHEN channel = 'earmarked' THEN 1 ELSE 0 END,
                   CASE WHEN channel = 'earmarked' THEN granted_support ELSE 0 END,
                   CASE WHEN channel = 'earmarked' THEN total_cost ELSE 0 END,
                   CASE WHEN channel = 'other' THEN granted_support ELSE 0 END
              FROM projects_project WHERE status = 'approved' AND {_in_year("decided_on")}
        ) f ON f.cluster_id = c.id
        WHERE c.type = 'spearhead' AND c.pact_start_year <= %(year)s AND c.pact_end_year >= %(year)s
        GROUP BY c.code, c.name, f.instrument""",
    "additional-resources": f"""
        SELECT c.code, c.type, p.instrument, COUNT(*), SUM(p.total_cost), SUM(p.granted_support)
        FROM projects_project p JOIN clusters_cluster c ON c.id = p.cluster_id
        WHERE p.channel = 'other' AND p.status = 'approved' AND {_in_year("p.decided_on")}
        GROUP BY c.code, c.type, p.instrument""",
    "pact-resources": f"""
        SELECT c.code, t.year, SUM(t.alloc_op), SUM(t.alloc_pr), SUM(t.comm_op), SUM(t.comm_pr), SUM(t.paid)
        FROM clusters_cluster c JOIN (
            SELECT cluster_id, year,
                   CASE WHEN envelope IN {OP} THEN amount ELSE 0 END AS alloc_op,
                   CASE WHEN envelope = 'spearhead_projects' THEN amount ELSE 0 END AS alloc_pr,
                   0 AS comm_op, 0 AS comm_pr, 0 AS paid
              FROM budget_allocation
            UNION ALL
            SELECT cluster_id, year, 0, 0,
                   CASE WHEN envelope IN {OP} THEN {SIGNED} ELSE 0 END,
                   CASE WHEN envelope = 'spearhead_projects' THEN {SIGNED} ELSE 0 END, {PAID}
              FROM budget_ledgerentry
        ) t ON t.cluster_id = c.id
        WHERE c.type = 'spearhead' AND t.year BETWEEN c.pact_start_year AND c.pact_end_year
        GROUP BY c.code, t.year""",
    "project-generation": f"""
        SELECT c.code, ty.code, COUNT(*), SUM(p.granted_support), SUM(p.total_cost), 0
        FROM projects_project p JOIN clusters_cluster c ON c.id = p.cluster_id
             JOIN projects_projecttype ty ON ty.id = p.type_id
        WHERE p.channel = 'earmarked' AND p.status = 'approved' AND {_in_year("p.decided_on")}
        GROUP BY c.code, ty.code
        UNION ALL
        SELECT c.code, '', 0, 0, 0, SUM({SIGNED})
        FROM budget_ledgerentry l JOIN clusters_cluster c ON c.id = l.cluster_id
        WHERE l.year = %(year)s AND l.envelope = 'spearhead_projects'
        GROUP BY c.code""",
    "kpi-status": f"""
        WITH computed AS (
            SELECT cluster_id,
                   SUM(CASE WHEN status = 'approved' AND {_in_year("decided_on")} THEN 1 ELSE 0 END)
                       AS approved,
                   SUM(CASE WHEN {_in_year("submitted_on")} THEN 1 ELSE 0 END) AS applied,
                   SUM(CASE WHEN channel = 'other' AND status = 'approved' AND {_in_year("decided_on")}
                            THEN granted_support ELSE 0 END) AS other
            FROM projects_project
            WHERE {_in_year("submitted_on")} OR {_in_year("decided_on")}
            GROUP BY cluster_id)
        SELECT c.code, k.code, t.target, r.value,
               CASE k.computed_from WHEN 'approved_projects' THEN COALESCE(p.approved, 0)
                    WHEN 'applications' THEN COALESCE(p.applied, 0)
                    WHEN 'other_public_funding' THEN COALESCE(p.other, 0) END
        FROM kpis_kpitarget t JOIN kpis_kpi k ON k.id = t.kpi_id
             JOIN clusters_cluster c ON c.id = t.cluster_id
             LEFT JOIN kpis_kpiresult r ON r.cluster_id = t.cluster_id AND r.kpi_id = t.kpi_id
                                        AND r.year = t.year
             LEFT JOIN computed p ON p.cluster_id = t.cluster_id
        WHERE t.year = %(year)s""",
}


def sql_params(year: int) -> dict[str, object]:
    return {"year": year, "start": f"{year}-01-01", "end": f"{year + 1}-01-01"}


def sql_text(name: str, vendor: str) -> str:
    text = SQL[name]
    if vendor == "sqlite":
        for key in ("year", "start", "end"):
            text = text.replace(f"%({key})s", f":{key}")
    return text


# DuckDB on the CSV files: the columns hold codes, not ids.
DUCKDB_FILES = {
    "budget-overview": ["budgets", "allocations", "ledger"],
    "cluster-overview": ["clusters", "allocations", "ledger", "projects"],
    "additional-resources": ["clusters", "projects"],
    "pact-resources": ["clusters", "allocations", "ledger"],
    "project-generation": ["projects", "ledger"],
    "kpi-status": ["kpis", "kpi_targets", "kpi_results", "projects"],
}
Y = "{year}"
START, END = "DATE '{year}-01-01'", "DATE '{next}-01-01'"
DUCKDB = {
    "budget-overview": f"""
        SELECT envelope, SUM(budget), SUM(allocated), SUM(committed), SUM(paid) FROM (
            SELECT envelope, amount AS budget, 0 AS allocated, 0 AS committed, 0 AS paid
              FROM budgets WHERE year = {Y}
            UNION ALL SELECT envelope, 0, amount, 0, 0 FROM allocations WHERE year = {Y}
            UNION ALL SELECT envelope, 0, 0, {SIGNED}, {PAID} FROM ledger WHERE year = {Y}
        ) t GROUP BY envelope""",
    "cluster-overview": f"""
        SELECT c.code, c.name, f.instrument, SUM(f.alloc_op), SUM(f.alloc_pr), SUM(f.comm_op),
               SUM(f.comm_pr), SUM(f.applications), SUM(f.approved), SUM(f.support), SUM(f.cost),
               SUM(f.other)
        FROM clusters c JOIN (
            SELECT cluster, '' AS instrument,
                   CASE WHEN envelope = 'spearhead_operation' THEN amount ELSE 0 END AS alloc_op,
                   CASE WHEN envelope = 'spearhead_projects' THEN amount ELSE 0 END AS alloc_pr,
                   0 AS comm_op, 0 AS comm_pr, 0 AS applications, 0 AS approved, 0 AS support,
                   0 AS cost, 0 AS other
              FROM allocations WHERE year = {Y}
            UNION ALL
            SELECT cluster, '', 0, 0,
                   CASE WHEN envelope = 'spearhead_operation' THEN {SIGNED} ELSE 0 END,
                   CASE WHEN envelope = 'spearhead_projects' THEN {SIGNED} ELSE 0 END, 0, 0, 0, 0, 0
              FROM ledger WHERE year = {Y} AND kind <> 'payment'
            UNION ALL
            SELECT cluster, '', 0, 0, 0, 0, 1, 0, 0, 0, 0 FROM projects
             WHERE channel = 'earmarked' AND submitted_on >= {START} AND submitted_on < {END}
            UNION ALL
            SELECT cluster, CASE WHEN channel = 'other' THEN instrument ELSE '' END, 0, 0, 0, 0, 0,
                   CASE WHEN channel = 'earmarked' THEN 1 ELSE 0 END,
                   CASE WHEN channel = 'earmarked' THEN granted_support ELSE 0 END,
                   CASE WHEN channel = 'earmarked' THEN total_cost ELSE 0 END,
                   CASE WHEN channel = 'other' THEN granted_support ELSE 0 END
              FROM projects WHERE status = 'approved' AND decided_on >= {START} AND decided_on < {END}
        ) f ON f.cluster = c.code
        WHERE c.type = 'spearhead' AND c.pact_start_year <= {Y} AND c.pact_end_year >= {Y}
        GROUP BY c.code, c.name, f.instrument""",
    "additional-resources": f"""
        SELECT c.code, c.type, p.instrument, COUNT(*), SUM(p.total_cost), SUM(p.granted_support)
        FROM projects p JOIN clusters c ON c.code = p.cluster
        WHERE p.channel = 'other' AND p.status = 'approved' AND p.decided_on >= {START}
          AND p.decided_on < {END}
        GROUP BY c.code, c.type, p.instrument""",
    "pact-resources": f"""
        SELECT c.code, t.year, SUM(t.alloc_op), SUM(t.alloc_pr), SUM(t.comm_op), SUM(t.comm_pr), SUM(t.paid)
        FROM clusters c JOIN (
            SELECT cluster, year,
                   CASE WHEN envelope IN {OP} THEN amount ELSE 0 END AS alloc_op,
                   CASE WHEN envelope = 'spearhead_projects' THEN amount ELSE 0 END AS alloc_pr,
                   0 AS comm_op, 0 AS comm_pr, 0 AS paid
              FROM allocations
            UNION ALL
            SELECT cluster, year, 0, 0,
                   CASE WHEN envelope IN {OP} THEN {SIGNED} ELSE 0 END,
                   CASE WHEN envelope = 'spearhead_projects' THEN {SIGNED} ELSE 0 END, {PAID}
              FROM ledger
        ) t ON t.cluster = c.code
        WHERE c.type = 'spearhead' AND t.year BETWEEN c.pact_start_year AND c.pact_end_year
        GROUP BY c.code, t.year""",
    "project-generation": f"""
        SELECT cluster, type, COUNT(*), SUM(granted_support), SUM(total_cost), 0 FROM projects
        WHERE channel = 'earmarked' AND status = 'approved' AND decided_on >= {START} AND decided_on < {END}
        GROUP BY cluster, type
        UNION ALL
        SELECT cluster, '', 0, 0, 0, SUM({SIGNED}) FROM ledger
        WHERE year = {Y} AND envelope = 'spearhead_projects' GROUP BY cluster""",
    "kpi-status": f"""
        WITH computed AS (
            SELECT cluster,
                   COUNT(*) FILTER (WHERE status = 'approved' AND decided_on >= {START}
                                    AND decided_on < {END}) AS approved,
                   COUNT(*) FILTER (WHERE submitted_on >= {START} AND submitted_on < {END}) AS applied,
                   COALESCE(SUM(granted_support) FILTER (WHERE channel = 'other' AND status = 'approved'
                            AND decided_on >= {START} AND decided_on < {END}), 0) AS other
            FROM projects GROUP BY cluster)
        SELECT t.cluster, t.kpi, t.target, r.value,
               CASE k.computed_from WHEN 'approved_projects' THEN c.approved
                    WHEN 'applications' THEN c.applied WHEN 'other_public_funding' THEN c.other END
        FROM kpi_targets t JOIN kpis k ON k.code = t.kpi
             LEFT JOIN kpi_results r ON r.cluster = t.cluster AND r.kpi = t.kpi AND r.year = t.year
             LEFT JOIN computed c ON c.cluster = t.cluster
        WHERE t.year = {Y}""",
}


def duckdb_text(name: str, year: int) -> str:
    return DUCKDB[name].format(year=year, next=year + 1)
