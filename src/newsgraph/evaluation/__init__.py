"""Built-in evaluation: score the pipeline on annotated corpora, reproducibly."""
