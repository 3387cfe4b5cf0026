"""The Polls tab: prepare a session's live polls, open and close them, show results on the
phones and the projector, watch them come in (``PollsTab``, ``PollResultsView``)."""
