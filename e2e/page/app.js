// The frontend under test: LiveKit's own JS client asks the service for tokens, as a real app would.
import { TokenSource } from 'livekit-client';

function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')));
}

function show(result) {
  document.getElementById('result').textContent = JSON.stringify(result, null, 2);
  return result;
}

// The README's "Securing the endpoint" snippet, with the key of api_key mode as the Authorization header.
async function tokenSource(serviceUrl, key, fetchOptions) {
  const headers = key ? { Authorization: `Bearer ${key}` } : {};
  const tokens = TokenSource.endpoint(`${serviceUrl}/api/v1/auth/token`, { headers });
  try {
    const { serverUrl, participantToken } = await tokens.fetch(fetchOptions);
    return show({ ok: true, serverUrl, claims: claimsOf(participantToken) });
  } catch (error) {
    return show({ ok: false, error: String(error) });
  }
}

async function plainFetch(serviceUrl, key) {
  try {
    const response = await fetch(`${serviceUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ room: 'fetch-room', identity: 'fetch-user' }),
    });
    const body = await response.json();
    return show({ ok: response.ok, status: response.status, requestId: response.headers.get('X-Request-ID'),
      claims: claimsOf(body.token) });
  } catch (error) {
    return show({ ok: false, error: String(error) });
  }
}

window.lesa = { tokenSource, plainFetch };
document.getElementById('status').textContent = 'ready';
