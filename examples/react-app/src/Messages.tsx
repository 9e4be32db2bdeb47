// The metered action. The button follows `useCan` (what the UI shows); the backend checks again
// before it sends (what is enforced).
import { useEffect, useState, type FormEvent } from 'react';
import { useCan } from '@nozle/react';
import { getMessages, sendMessage, type Message } from './api.js';
import { LIMIT_NOTICE_ID, LimitNotice } from './LimitNotice.js';
import { UsageMeter } from './UsageMeter.js';

export function Messages() {
  const { allowed, loading, reason } = useCan('messages');
  const [messages, setMessages] = useState<Message[]>([]);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getMessages().then(setMessages, () => setMessages([]));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const { message } = await sendMessage(text);
      setMessages((list) => [...list, message]);
      setText('');
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">Messages</h2>
      <UsageMeter />
      <ul aria-label="Sent messages">
        {messages.map((message) => (
          <li key={message.id}>{message.text}</li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <label htmlFor="message-text">Message</label>
        <input id="message-text" value={text} onChange={(event) => setText(event.target.value)} required maxLength={500} />
        <button
          type="submit"
          disabled={loading || !allowed || sending || text.trim() === ''}
          aria-describedby={reason === 'limit_reached' ? LIMIT_NOTICE_ID : undefined}
        >
          Send message
        </button>
      </form>
      <LimitNotice />
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
