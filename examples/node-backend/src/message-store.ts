// Sent messages, in memory, per customer: the example is about the billing, not about storage.

export interface Message {
  id: number;
  text: string;
  sentAt: string;
}

export class MessageStore {
  readonly #byCustomer = new Map<string, Message[]>();
  #nextId = 1;

  list(customer: string): Message[] {
    return this.#byCustomer.get(customer) ?? [];
  }

  add(customer: string, text: string): Message {
    const message: Message = { id: this.#nextId++, text, sentAt: new Date().toISOString() };
    this.#byCustomer.set(customer, [...this.list(customer), message]);
    return message;
  }
}
