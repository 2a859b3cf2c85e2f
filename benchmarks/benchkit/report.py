"""The result table (text on stdout, Markdown file), the ratios and the PNG bar chart."""
import os

RATIOS = (
    # (label, numerator contender, denominator contender, scenario)
    ("WAR page / Django page", "war", "django", "page"),
    ("WAR hello / raw servlet hello", "war", "raw", "hello"),
    ("WAR page / raw servlet page", "war", "raw", "page"),
    ("WAR page / pyframework-gunicorn page", "war", "pf-gunicorn", "page"),
    ("WAR form-post / Django form-post", "war", "django", "form-post"),
    ("WAR form-post / pyframework-gunicorn form-post", "war", "pf-gunicorn", "form-post"),
    ("pyframework-gunicorn page / Django page", "pf-gunicorn", "django", "page"),
    ("WAR admin-changelist / Django admin-changelist", "war", "django", "admin-changelist"),
    ("pyframework-gunicorn admin-changelist / Django admin-changelist", "pf-gunicorn", "django",
     "admin-changelist"),
)


def rps_index(measurements):
    return dict(((m.contender.key, m.scenario, m.connections), m.rps) for m in measurements)


def ratio_rows(measurements, connection_levels):
    """(label, [ratio or None per connection level]) for every ratio both sides were measured for."""
    rps = rps_index(measurements)
    rows = []
    for label, top, bottom, scenario in RATIOS:
        values = []
        for connections in connection_levels:
            numerator = rps.get((top, scenario, connections))
            denominator = rps.get((bottom, scenario, connections))
            values.append(numerator / denominator if numerator is not None and denominator else None)
        if any(value is not None for value in values):
            rows.append((label, values))
    return rows


def markdown(run_info, contenders, measurements, connection_levels):
    lines = ["## Benchmark run %s" % run_info["date"], "",
             "Machine: %(cores)d cores, load average %(load_before)s before / %(load_after)s after the run; "
             "wrk %(duration)d s per cell after warm-up; gunicorn with %(workers)d sync workers; "
             "Tomcat %(tomcat)s with `%(java_opts)s`; %(python)s; mode: %(mode)s." % run_info, "",
             "| scenario | contender | connections | req/s | p50 ms | p99 ms | errors |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for m in measurements:
        errors = "%d" % m.errors
        if m.error_detail:
            errors += " (%s)" % ", ".join("%s %d" % item for item in sorted(m.error_detail.items()))
        lines.append("| %s | %s | %d | %.0f | %.2f | %.2f | %s |"
                     % (m.scenario, m.contender.label, m.connections, m.rps, m.p50_ms, m.p99_ms, errors))
    lines += ["", "| ratio of req/s | " + " | ".join("%d conn." % c for c in connection_levels) + " |",
              "|---|" + "---:|" * len(connection_levels)]
    for label, values in ratio_rows(measurements, connection_levels):
        lines.append("| %s | %s |" % (label, " | ".join("%.2f" % v if v is not None else "-" for v in values)))
    lines += ["", "| server | start/deploy to first 200 | RSS after the run |", "|---|---:|---:|"]
    for contender in contenders:
        lines.append("| %s | %.1f s | %.0f MB |" % (contender.label, contender.ready_seconds,
                                                    run_info["rss"].get(contender.key, 0)))
    lines += ["", "WAR size: %.1f MB (pfbench.war); Tomcat JVM launch to connector: %.1f s. "
              "The WAR and the raw servlet share one Tomcat, so their RSS is the same JVM."
              % (run_info["war_mb"], run_info["connector_seconds"]), ""]
    warmup = run_info.get("warmup") or {}
    if warmup:
        lines += ["Warm-up (16 connections, rounds of %d s until two rounds gain < 3 %% over the best, at most "
                  "%d s per scenario for the WAR, a third for the raw servlet, a fifth for CPython), req/s per round:"
                  % (run_info.get("warmup_round", 5), run_info.get("warmup_cap", 0)), ""]
        for (key, scenario), rates in sorted(warmup.items()):
            lines.append("- %s %s: %s" % (key, scenario, " ".join("%.0f" % rate for rate in rates)))
        lines.append("")
    return "\n".join(lines)


def text_table(measurements):
    rows = [("scenario", "contender", "conn", "req/s", "p50 ms", "p99 ms", "errors")]
    for m in measurements:
        rows.append((m.scenario, m.contender.key, str(m.connections), "%.0f" % m.rps,
                     "%.2f" % m.p50_ms, "%.2f" % m.p99_ms, str(m.errors)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in
                               enumerate(zip(row, widths))) for row in rows)


def bar_chart(path, measurements, connection_levels, title):
    """One panel per scenario: req/s per connection level, one bar per contender."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as pyplot

    scenarios = [name for name in ("hello", "page", "form-post", "admin-changelist")
                 if any(m.scenario == name for m in measurements)]
    keys = []
    labels = {}
    for m in measurements:
        if m.contender.key not in keys:
            keys.append(m.contender.key)
            labels[m.contender.key] = m.contender.label
    rps = rps_index(measurements)
    figure, axes = pyplot.subplots(1, len(scenarios), figsize=(5 * len(scenarios), 4.5), squeeze=False)
    width = 0.8 / max(1, len(keys))
    for axis, scenario in zip(axes[0], scenarios):
        for index, key in enumerate(keys):
            heights = [rps.get((key, scenario, c), 0) for c in connection_levels]
            positions = [level + (index - (len(keys) - 1) / 2.0) * width for level in range(len(connection_levels))]
            axis.bar(positions, heights, width, label=labels[key])
        axis.set_title(scenario)
        axis.set_xticks(range(len(connection_levels)))
        axis.set_xticklabels(["%d conn." % c for c in connection_levels])
        # Logarithmic: the raw servlet is an order of magnitude above the Python contenders.
        axis.set_yscale("log")
        axis.set_ylabel("requests/s (log scale)")
    handles, names = axes[0][0].get_legend_handles_labels()
    figure.legend(handles, names, loc="lower center", ncol=len(keys), fontsize="small")
    figure.suptitle(title)
    figure.tight_layout(rect=(0, 0.08, 1, 1))
    figure.savefig(path, dpi=100)
    pyplot.close(figure)


def write_results(directory, stem, markdown_text, measurements, connection_levels, title):
    if not os.path.isdir(directory):
        os.makedirs(directory)
    markdown_path = os.path.join(directory, stem + ".md")
    with open(markdown_path, "w") as output:
        output.write(markdown_text)
    chart_path = os.path.join(directory, stem + ".png")
    bar_chart(chart_path, measurements, connection_levels, title)
    return markdown_path, chart_path
