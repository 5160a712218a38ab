def budget_overview(**kw):
    pass
