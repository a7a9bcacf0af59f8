# The work plan and the visit diary.
