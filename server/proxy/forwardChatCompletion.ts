import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Stream } from 'openai/streaming';
import type { LlmConfig } from './ProxyConfig.ts';
import type { ForwardedChatRequest } from './parseChatRequest.ts';
import type { Scrubber } from './createScrubber.ts';
import { errorResponse } from './errorResponse.ts';
import { mapUpstreamError } from './mapUpstreamError.ts';

/** What {@link forwardChatCompletion} needs besides the request. */
export interface ForwardContext {
  /** The `openai` client for the configured resource. */
  client: OpenAI;
  /** The configured Azure OpenAI connection (its deployment is always the one used). */
  llm: LlmConfig;
  /** CHAT_UPSTREAM_TIMEOUT_MS: limit for a whole JSON answer, for the first byte, and between streamed chunks. */
  timeoutMs: number;
  /** Removes secrets from any text sent to the client. */
  scrub: Scrubber;
  /** Server-side log (one line per entry); never sent to the client. */
  log: (line: string) => void;
}

/**
 * Sends an allowlisted chat request to Azure OpenAI and answers the browser:
 * JSON for `stream: false`, Server-Sent Events (`data: {...}` chunks then `data: [DONE]`) for
 * `stream: true`. The deployment always comes from server config. The upstream call is aborted
 * when the browser goes away or when the upstream is silent for longer than `timeoutMs`
 * (504 JSON before streaming starts, an SSE `{"error":...}` event after).
 * @param c the Hono context of the browser's request.
 * @param request the validated request.
 * @param ctx client, config, timeout, scrubber and logger.
 */
export async function forwardChatCompletion(c: Context, request: ForwardedChatRequest, ctx: ForwardContext): Promise<Response> {
  const upstream = new AbortController();
  const state = { timedOut: false, clientGone: false };
  const onClientGone = (): void => {
    state.clientGone = true;
    upstream.abort();
  };
  const clientSignal = c.req.raw.signal;
  if (clientSignal.aborted) onClientGone();
  clientSignal.addEventListener('abort', onClientGone, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armTimeout = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.timedOut = true;
      upstream.abort();
    }, ctx.timeoutMs);
  };
  const fail = (err: unknown): Response => {
    const mapped = mapUpstreamError(err, { ...state, deployment: ctx.llm.deployment, timeoutMs: ctx.timeoutMs });
    if (mapped.status >= 500 && mapped.code !== 'upstream_timeout') ctx.log(`[chat proxy] ${mapped.code}: ${ctx.scrub(describe(err))}`);
    return errorResponse(mapped, ctx.scrub);
  };
  const { stream: wantsStream, ...params } = request;

  armTimeout();
  if (!wantsStream) {
    try {
      const completion = await ctx.client.chat.completions.create(
        { ...params, model: ctx.llm.deployment, stream: false },
        { signal: upstream.signal },
      );
      return new Response(JSON.stringify(completion), {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    } catch (err) {
      return fail(err);
    } finally {
      clearTimeout(timer);
      clientSignal.removeEventListener('abort', onClientGone);
    }
  }

  let chunks: Stream<ChatCompletionChunk>;
  try {
    chunks = await ctx.client.chat.completions.create({ ...params, model: ctx.llm.deployment, stream: true }, { signal: upstream.signal });
  } catch (err) {
    clearTimeout(timer);
    clientSignal.removeEventListener('abort', onClientGone);
    return fail(err);
  }

  c.header('X-Accel-Buffering', 'no');
  c.header('Cache-Control', 'no-cache');
  return streamSSE(c, async (sse) => {
    sse.onAbort(onClientGone);
    try {
      armTimeout();
      for await (const chunk of chunks) {
        armTimeout();
        if (sse.aborted) break;
        await sse.writeSSE({ data: JSON.stringify(chunk) });
      }
      // The openai Stream ends quietly when aborted, so an idle timeout has to be detected here.
      if (state.timedOut) throw new Error('upstream stream went silent');
      if (!sse.aborted && !state.clientGone) await sse.writeSSE({ data: '[DONE]' });
    } catch (err) {
      if (!state.clientGone && !sse.aborted) {
        const mapped = mapUpstreamError(err, { ...state, deployment: ctx.llm.deployment, timeoutMs: ctx.timeoutMs });
        ctx.log(`[chat proxy] stream ended with ${mapped.code}: ${ctx.scrub(describe(err))}`);
        await sse.writeSSE({ data: JSON.stringify({ error: { code: mapped.code, message: ctx.scrub(mapped.message) } }) });
      }
    } finally {
      clearTimeout(timer);
      clientSignal.removeEventListener('abort', onClientGone);
      upstream.abort();
    }
  });
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
