"""The analyst review loop: fold corrected registers into the corpus (`imports`),
choose what to label next (`suggest`)."""
