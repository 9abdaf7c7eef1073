"""Analytics: one event stream written after commit, daily rollups, and the dashboards
that read them (charts drawn server-side as SVG)."""
