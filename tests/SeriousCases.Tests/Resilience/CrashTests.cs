using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Cli;
using SeriousCases.Tests.Support;
using Xunit.Abstractions;

namespace SeriousCases.Tests.Resilience;

/// <summary>A crash loses nothing acknowledged: the service is killed with kill -9 during a stream of API writes and
/// again during a bulk CSV import, then restarted. Every write it answered 201 to is there, the import left either
/// all of its rows (if it was acknowledged) or none, and the audit chain verifies.</summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private static readonly string Received = "2026-01-15";

    [Fact]
    public async Task Kill_9_during_writes_and_during_an_import_loses_nothing_acknowledged()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var token = await TwoInstanceTests.TokenAsync(database, "analyst@demo.test");
        var port = ServiceProcess.FreePort();
        var service = await ServiceProcess.StartAsync(database, port: port);
        try
        {
            // 1. A stream of writes from six clients; kill -9 once a few hundred are acknowledged.
            var acknowledged = new ConcurrentBag<string>();
            var sent = 0;
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var reference = $"CRASH-{w}-{i:00000}";
                    try
                    {
                        Interlocked.Increment(ref sent);
                        var response = await client.PostAsJsonAsync("/api/v1/insight", new
                        {
                            source = "Complaints",
                            externalReference = reference,
                            receivedOn = Received,
                            summary = "Written just before a crash.",
                        });
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(reference);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return; // the service is gone
                    }
                }
            })).ToList();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (acknowledged.Count < 300 && waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(20);
            }

            service.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            var acked = acknowledged.ToHashSet();
            Assert.True(acked.Count > 0, "no write was acknowledged before the kill");

            service = await ServiceProcess.StartAsync(database, port: port);
            await using (var db = database.CreateContext())
            {
                var stored = (await db.InsightItems.Where(i => i.ExternalReference.StartsWith("CRASH-")).Select(i => i.ExternalReference).ToListAsync()).ToHashSet();
                var lost = acked.Where(r => !stored.Contains(r)).ToList();
                Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes were lost: {string.Join(", ", lost.Take(10))}");
                var writesText = $"kill -9 during a stream of API writes: {acked.Count} acknowledged, {acked.Count - lost.Count} there after restart, "
                    + $"{stored.Count - acked.Count} more stored whose answer the crash cut off, {sent} sent";
                output.WriteLine(writesText);
                Figures.Record("crash-writes", writesText);
            }

            // 2. A bulk import killed part way: one transaction, so none of its rows or all of them.
            const int rows = 150_000;
            var csv = new StringBuilder("source,externalReference,receivedOn,serviceLines,summary,severity,responseDueOn\n");
            for (var i = 0; i < rows; i++)
            {
                csv.Append("COMPLAINT,CRASH-IMPORT-").Append(i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture))
                    .Append(',').Append(Received).Append(",UC,\"A complaint imported while the service was killed.\",3,\n");
            }

            var body = new SignallingContent(Encoding.UTF8.GetBytes(csv.ToString()));
            using var importer = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            importer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var import = importer.PostAsync("/api/v1/insight/imports?fileName=crash.csv", body);
            await body.HalfSent.Task.WaitAsync(TimeSpan.FromMinutes(2));
            service.Kill();
            var answered = false;
            try
            {
                answered = (await import).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            service = await ServiceProcess.StartAsync(database, port: port);
            await using (var db = database.CreateContext())
            {
                var imported = await db.InsightItems.CountAsync(i => i.ExternalReference.StartsWith("CRASH-IMPORT-"));
                Assert.True(imported == 0 || (answered && imported == rows), $"{imported} of {rows} rows of an import cut short by kill -9 are stored");
                var importText = $"kill -9 half way through sending a {rows:N0}-row import: {(answered ? "answered before the kill" : "not answered")}, {imported} rows stored";
                output.WriteLine(importText);
                Figures.Record("crash-import", importText);
            }

            // 3. The audit chain is whole.
            var verify = new StringWriter();
            Assert.Equal(0, await CliHost.InvokeAsync(["audit", "verify"], database.Settings, verify, new StringWriter()));
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    /// <summary>A request body that says when half of it has been sent, so the kill lands mid-import.</summary>
    private sealed class SignallingContent(byte[] bytes) : HttpContent
    {
        public TaskCompletionSource HalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            const int chunk = 64 * 1024;
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
                if (offset >= bytes.Length / 2)
                {
                    HalfSent.TrySetResult();
                }
            }

            HalfSent.TrySetResult();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
