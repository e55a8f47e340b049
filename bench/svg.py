"""Charts of the benchmark scripts: SVG drawn by hand, no outside service."""


def write_svg(path, parts):
    """Close the SVG begun in `parts` and write it to `path` (bench/results/...)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([*parts, "</svg>"]), encoding="utf-8")
