/**
 * The Toxiproxy 2.x-compatible admin HTTP API of the proxy engine ({@link dev.chaosjunit.proxy.admin.AdminServer}).
 *
 * <p>Toxiproxy's endpoints, JSON shapes, status codes and error bodies ({@code {"error":"...","status":N}}),
 * including its quirks: toxic creation answers 200, deletions 204, updates accept POST and PATCH with only
 * the changed attributes, bodies are read whatever their Content-Type, browsers ({@code User-Agent: Mozilla/...})
 * are refused with 403. Extensions: a proxy's {@code "protocol"}, its rules under
 * {@code /proxies/{p}/rules}, its counters under {@code /proxies/{p}/counters} and its recent events under
 * {@code /proxies/{p}/events}.
 */
package dev.chaosjunit.proxy.admin;
