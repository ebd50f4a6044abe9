using Conference.Server.Features.Media;
using Microsoft.Extensions.Time.Testing;

namespace Conference.Server.Tests.Media;

public class WebhookReplaysTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(12);

    [Test]
    public void SameId_WithinTheWindow_IsAReplay_AndAfterItANewDelivery()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var replays = new WebhookReplays(clock);

        Assert.That(replays.IsFirstDelivery("EV_1", Window), Is.True);
        Assert.That(replays.IsFirstDelivery("EV_1", Window), Is.False);
        Assert.That(replays.IsFirstDelivery("EV_2", Window), Is.True, "another id is another event");

        clock.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.That(replays.IsFirstDelivery("EV_1", Window), Is.False);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(replays.IsFirstDelivery("EV_1", Window), Is.True, "past the window the signature check guards instead");
    }

    [Test]
    public void ManyDeliveriesAtOnce_OfOneId_AreHandledOnce()
    {
        var replays = new WebhookReplays(new FakeTimeProvider());

        var firsts = Enumerable.Range(0, 64).AsParallel().Count(_ => replays.IsFirstDelivery("EV_once", Window));

        Assert.That(firsts, Is.EqualTo(1));
    }
}
