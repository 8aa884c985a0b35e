"""Classification: each sentence's priority area and commitment flag.

`model` is the scikit-learn estimator that trains; `persist` saves its arrays and
loads them into `linear`, the NumPy predictor every run uses (no scikit-learn);
`prepare`, `why` and `labeller` are what both share (the prepared text, the phrases
behind a decision, probabilities into labels); `tag` is the pipeline stage, `corpus`
reads labelled sentences, `train` and `evaluate` fit and measure.
"""
