"""Text: Unicode and tone-mark normalisation, page-chrome cleaning, sentence segmentation.

`lexicon` holds the cue-word patterns that cleaning and classification share.
"""
