"""The public spaCy surface of camket: a Vietnamese pipeline with the commitment-field components.

    >>> from pipeline.nlp import vietnamese_nlp
    >>> nlp = vietnamese_nlp()                # underthesea word tokens + the seven components
    >>> doc = nlp("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch.")

Importing this module registers the tokenizer (``camket.UndertheseaTokenizer.v1``)
and the component factories (``camket_places`` … ``camket_action``), so any
``spacy.blank("vi")`` pipeline can add them by name. The implementation lives
in `pipeline.fields`; this module only gathers what users import.
"""

from pipeline.fields.extract import FIELD_COMPONENTS, vietnamese_nlp
from pipeline.fields.tokenizer import TOKENIZER_NAME, UndertheseaTokenizer

__all__ = ["FIELD_COMPONENTS", "TOKENIZER_NAME", "UndertheseaTokenizer", "vietnamese_nlp"]
