# The visit diary screens: the list of visits, the visit form and its drafts.
