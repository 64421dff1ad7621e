import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/layout';
import { homeOf, PAGES } from './pages';
import { SignIn } from './pages/sign-in';
import { useSessionState } from './session';

export function App() {
  const { session, checking } = useSessionState();
  if (checking) return <p className="loading" role="status">Checking your key…</p>;
  if (!session) return <SignIn />;
  const role = session.who.role;
  return (
    <BrowserRouter>
      <Layout>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <Routes>
            {PAGES.filter((page) => page.roles.includes(role)).map(({ path, component: Page }) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            <Route path="/capture-only" element={<CaptureOnly />} />
            <Route path="*" element={<Navigate to={homeOf(role)} replace />} />
          </Routes>
        </Suspense>
      </Layout>
    </BrowserRouter>
  );
}

function CaptureOnly() {
  return (
    <section>
      <h1>This key only sends leads</h1>
      <p>A capture key can create leads through the API and nothing else. Sign in with a rep, manager or admin key to use the console.</p>
    </section>
  );
}
