/** To be built. */
export default function RepsPage() {
  return <h1>Reps</h1>;
}
