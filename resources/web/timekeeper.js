/* The timekeeper page (resources/web/timekeeper.html). */
