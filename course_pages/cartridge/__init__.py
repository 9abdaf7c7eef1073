"""IMS Common Cartridge: a course leaves as a `.imscc` file and comes back as a draft.

The course content side owns it (course_pages): it reads and writes lessons, guides and
quizzes. The course forum belongs to the community app, above this one: its topics
reach the export through the `discussions` registry, never an import."""
