"""The domain core: plain Python, no Django. Money, years, ledger balances, KPI ratios.

Everything here is pure and deterministic, so import, forms, services and reports can
share one definition of every rule and every figure.
"""
