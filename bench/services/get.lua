-- A plain GET of the URL given to wrk (the portal's public pages).
wrk.method = "GET"
