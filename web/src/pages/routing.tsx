/** To be built. */
export default function RoutingPage() {
  return <h1>Routing</h1>;
}
