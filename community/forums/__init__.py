"""Course forums and topic forums: threads, replies and comments, Q&A mode, endorsed
and accepted answers, @mentions, subscriptions and search."""
