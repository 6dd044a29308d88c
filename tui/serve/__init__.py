"""`deelwijzer serve`: the app in the browser, one app process per browser session."""
