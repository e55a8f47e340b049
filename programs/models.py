# The registry of S&T programs and tasks lives here (ProgramIndexPage, ProgramPage, TaskPage).
