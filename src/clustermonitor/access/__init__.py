"""Who may do what: the roles and the object-level rules the web app and the API share
(`access.permissions`). Imports nothing from `web` or `api`, so both can import it."""
