"""clustermonitor: run and account for a regional cluster policy."""
