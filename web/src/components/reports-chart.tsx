import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';

// Only the parts of Chart.js that bar charts need.
ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** Colours that keep 3:1 against white and apart from each other (the table below carries the figures too). */
export const SERIES_COLOURS = ['#0b5cad', '#c24e00', '#4f5862', '#1d6b35', '#a4161a'] as const;

export interface Series {
  label: string;
  values: (number | null)[];
  colour?: string;
}

interface Props {
  labels: string[];
  series: Series[];
  /** The chart's text alternative: what it shows, in a sentence or two (the table below gives every figure). */
  summary: string;
  /** The value axis' title, e.g. "minutes". */
  axis: string;
  /** How a value reads in the axis ticks and tooltips. */
  format?: (value: number) => string;
  stacked?: boolean;
}

/** A bar chart (Chart.js), exposed to assistive technology as an image with a summary. */
export function ReportChart({ labels, series, summary, axis, format = String, stacked = false }: Props) {
  const data: ChartData<'bar', (number | null)[], string> = {
    labels,
    datasets: series.map((s, index) => ({
      label: s.label,
      data: s.values,
      backgroundColor: s.colour ?? SERIES_COLOURS[index % SERIES_COLOURS.length],
      borderWidth: 0,
      maxBarThickness: 48,
    })),
  };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: series.length > 1, position: 'bottom' },
      tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${item.raw === null ? '—' : format(Number(item.raw))}` } },
    },
    scales: {
      x: { stacked, ticks: { autoSkip: false, maxRotation: 45 } },
      y: { stacked, beginAtZero: true, title: { display: true, text: axis }, ticks: { callback: (value) => format(Number(value)) } },
    },
  };
  return (
    <div className="reports-chart">
      <Bar data={data} options={options} role="img" aria-label={summary} fallbackContent={<p>{summary}</p>} />
    </div>
  );
}
