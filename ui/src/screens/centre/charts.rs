//! Charts drawn as SVG by the view itself (no JavaScript library): bars
//! across (the caseload of each assistant against the cap, closings by
//! reason) and bars upwards (contacts per month).
//!
//! Each chart is a `<figure>` with a visible caption; its SVG is one image
//! (`role="img"`) named by its `<title>` and described by a one-line
//! summary, and the same figures follow in a table that only screen
//! readers see. Colours and text keep WCAG AA contrast on white; a bar
//! over the cap is also marked in its text, not by colour alone.
//!
//! The geometry is plain functions of the numbers, tested on the host.

use yew::prelude::*;

/// The SVG's coordinate width; the chart scales to its box.
pub const WIDTH: f64 = 640.0;
/// Room for the labels left of bars across.
const LABEL_WIDTH: f64 = 190.0;
/// Room right of the longest bar for its value.
const VALUE_ROOM: f64 = 70.0;
const ROW_HEIGHT: f64 = 30.0;
const BAR_HEIGHT: f64 = 18.0;
/// Above the bars (the cap's label) and below them (the scale).
const TOP: f64 = 24.0;
const AXIS: f64 = 26.0;
/// A label longer than this is cut (the table has it whole).
const LABEL_CHARS: usize = 24;

/// One bar: its label on the chart and in the table, its value, whether it
/// is marked (over the cap), and the table's cells after the label.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    /// The table's label (a month's full name), or the same as `label`.
    pub full_label: String,
    pub value: u32,
    pub flagged: bool,
    /// The text at the bar's end.
    pub value_text: String,
    pub cells: Vec<String>,
}

/// The scale's top and its step: the smallest of 1, 2, 5, 10, 20, 25, 50,
/// 100, … that needs at most five steps to pass `max` (1 for nothing).
pub fn scale(max: u32) -> (u32, u32) {
    let max = max.max(1);
    let mut base = 1u32;
    loop {
        // 2.5 × base only from 10 up (a step of 2.5 families makes no sense).
        let quarter = if base >= 10 { base / 10 * 25 } else { base * 2 };
        for step in [base, base * 2, quarter, base * 5] {
            if max.div_ceil(step) <= 5 {
                return (max.div_ceil(step) * step, step);
            }
        }
        base = base.saturating_mul(10);
    }
}

/// Where a value ends on a scale of `top` over `length` units.
pub fn extent(value: u32, top: u32, length: f64) -> f64 {
    if top == 0 {
        return 0.0;
    }
    f64::from(value.min(top)) / f64::from(top) * length
}

/// A label short enough for the chart.
pub fn short_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The height of a chart of bars across with `rows` bars.
pub fn across_height(rows: usize) -> f64 {
    TOP + ROW_HEIGHT * rows.max(1) as f64 + AXIS
}

fn n(x: f64) -> String {
    format!("{x:.1}")
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The figure's id; its parts are `<id>-title`, `<id>-summary`.
    pub id: AttrValue,
    pub title: AttrValue,
    /// One sentence with every figure, for the SVG's description.
    pub summary: AttrValue,
    /// The table's column headers: the label's, then one per cell.
    pub headers: Vec<String>,
    pub bars: Vec<Bar>,
    /// A line across the bars at this value, with its label.
    #[prop_or_default]
    pub cap: Option<(u32, String)>,
}

/// The same figures as a table for screen readers.
fn data_table(props: &ChartProps) -> Html {
    html! {
        // A table's width is its content's whatever its box says: the
        // hiding is on a box around it.
        <div class="visually-hidden">
        <table class="chart-table">
            <caption>{ props.title.clone() }</caption>
            <thead>
                <tr>{ for props.headers.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr>
            </thead>
            <tbody>
                { for props.bars.iter().map(|bar| html! {
                    <tr>
                        <th scope="row">{ bar.full_label.clone() }</th>
                        { for bar.cells.iter().map(|c| html! { <td>{ c.clone() }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
    }
}

/// The SVG's opening: one image, named and described.
fn image(props: &ChartProps, height: f64, content: Html) -> Html {
    let title_id = format!("{}-title", props.id);
    let summary_id = format!("{}-summary", props.id);
    html! {
        <svg
            class="chart-svg"
            role="img"
            viewBox={format!("0 0 {} {}", n(WIDTH), n(height))}
            preserveAspectRatio="xMinYMin meet"
            aria-labelledby={title_id.clone()}
            aria-describedby={summary_id.clone()}
        >
            <title id={title_id}>{ props.title.clone() }</title>
            <desc id={summary_id}>{ props.summary.clone() }</desc>
            { content }
        </svg>
    }
}

/// Bars across, one per row, with a scale below and the cap's line.
#[component]
pub fn BarsAcross(props: &ChartProps) -> Html {
    let max = props.bars.iter().map(|b| b.value).chain(props.cap.as_ref().map(|c| c.0)).max().unwrap_or(0);
    let (top, step) = scale(max);
    let plot = WIDTH - LABEL_WIDTH - VALUE_ROOM;
    let height = across_height(props.bars.len());
    let bottom = height - AXIS;
    let x = |v: u32| LABEL_WIDTH + extent(v, top, plot);
    let ticks = (0..=top / step).map(|i| {
        let v = i * step;
        html! {
            <g class="chart-tick">
                <line class="chart-grid" x1={n(x(v))} x2={n(x(v))} y1={n(TOP)} y2={n(bottom)} />
                <text class="chart-text chart-scale" x={n(x(v))} y={n(bottom + 18.0)} text-anchor="middle">{ v }</text>
            </g>
        }
    });
    let rows = props.bars.iter().enumerate().map(|(i, bar)| {
        let y = TOP + ROW_HEIGHT * i as f64 + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
        let end = x(bar.value);
        html! {
            <g class={classes!("chart-row", bar.flagged.then_some("flagged"))}>
                <text class="chart-text chart-label" x={n(LABEL_WIDTH - 8.0)} y={n(y + BAR_HEIGHT - 4.0)} text-anchor="end">
                    { short_label(&bar.label) }
                </text>
                <rect
                    class={classes!("chart-bar", bar.flagged.then_some("flagged"))}
                    x={n(LABEL_WIDTH)}
                    y={n(y)}
                    width={n((end - LABEL_WIDTH).max(if bar.value > 0 { 2.0 } else { 0.0 }))}
                    height={n(BAR_HEIGHT)}
                />
                <text class="chart-text chart-value" x={n(end + 6.0)} y={n(y + BAR_HEIGHT - 4.0)}>
                    { bar.value_text.clone() }
                </text>
            </g>
        }
    });
    let cap = props.cap.as_ref().map(|(value, label)| {
        let at = x(*value);
        html! {
            <g class="chart-cap-mark">
                <line class="chart-cap" x1={n(at)} x2={n(at)} y1={n(TOP - 6.0)} y2={n(bottom)} />
                <text class="chart-text chart-cap-label" x={n(at)} y={n(TOP - 10.0)} text-anchor="middle">{ label.clone() }</text>
            </g>
        }
    });
    let content = html! {
        <>
            { for ticks }
            <line class="chart-axis" x1={n(LABEL_WIDTH)} x2={n(LABEL_WIDTH)} y1={n(TOP)} y2={n(bottom)} />
            { for rows }
            { for cap }
        </>
    };
    html! {
        <figure id={props.id.clone()} class="chart">
            <figcaption class="chart-caption">{ props.title.clone() }</figcaption>
            { image(props, height, content) }
            { data_table(props) }
        </figure>
    }
}

/// The height of a chart of bars upwards.
pub const UPWARDS_HEIGHT: f64 = 230.0;
const UP_LEFT: f64 = 40.0;
const UP_TOP: f64 = 20.0;
const UP_BOTTOM: f64 = 28.0;

/// The x of bar `i` of `count` and its width.
pub fn column(i: usize, count: usize) -> (f64, f64) {
    let slot = (WIDTH - UP_LEFT - 8.0) / count.max(1) as f64;
    let width = slot * 0.62;
    (UP_LEFT + slot * i as f64 + (slot - width) / 2.0, width)
}

/// Bars upwards, one per column (months, oldest first), with a scale on
/// the left.
#[component]
pub fn BarsUpwards(props: &ChartProps) -> Html {
    let max = props.bars.iter().map(|b| b.value).max().unwrap_or(0);
    let (top, step) = scale(max);
    let bottom = UPWARDS_HEIGHT - UP_BOTTOM;
    let plot = bottom - UP_TOP;
    let y = |v: u32| bottom - extent(v, top, plot);
    let ticks = (0..=top / step).map(|i| {
        let v = i * step;
        html! {
            <g class="chart-tick">
                <line class="chart-grid" x1={n(UP_LEFT)} x2={n(WIDTH - 8.0)} y1={n(y(v))} y2={n(y(v))} />
                <text class="chart-text chart-scale" x={n(UP_LEFT - 6.0)} y={n(y(v) + 4.0)} text-anchor="end">{ v }</text>
            </g>
        }
    });
    let count = props.bars.len();
    let bars = props.bars.iter().enumerate().map(|(i, bar)| {
        let (x, width) = column(i, count);
        let top_y = y(bar.value);
        html! {
            <g class="chart-column">
                <rect class="chart-bar" x={n(x)} y={n(top_y)} width={n(width)} height={n(bottom - top_y)} />
                if bar.value > 0 {
                    <text class="chart-text chart-value" x={n(x + width / 2.0)} y={n(top_y - 4.0)} text-anchor="middle">
                        { bar.value_text.clone() }
                    </text>
                }
                <text class="chart-text chart-label" x={n(x + width / 2.0)} y={n(bottom + 18.0)} text-anchor="middle">
                    { bar.label.clone() }
                </text>
            </g>
        }
    });
    let content = html! {
        <>
            { for ticks }
            <line class="chart-axis" x1={n(UP_LEFT)} x2={n(WIDTH - 8.0)} y1={n(bottom)} y2={n(bottom)} />
            { for bars }
        </>
    };
    html! {
        <figure id={props.id.clone()} class="chart">
            <figcaption class="chart-caption">{ props.title.clone() }</figcaption>
            { image(props, UPWARDS_HEIGHT, content) }
            { data_table(props) }
        </figure>
    }
}
