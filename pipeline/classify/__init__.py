"""Classification: each sentence's priority area and commitment flag.

`model` is the scikit-learn estimator, `tag` the pipeline stage, `persist`
saves and loads it with skops, `corpus` reads labelled sentences, `train` and
`evaluate` fit and measure it, `label_csv` labels a CSV of sentences.
"""
