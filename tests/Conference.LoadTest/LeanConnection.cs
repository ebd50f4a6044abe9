using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Conference.LoadTest;

/// <summary>
/// A SignalR client without <c>HubConnection</c>: one <see cref="ClientWebSocket"/> speaking the hub protocol
/// through the same <see cref="IHubProtocol"/> implementations the SDK uses (handshake, invocations,
/// completions, pings), every message parsed in full. It leaves out what a real participant's own machine
/// would pay for (transport pipes, an invocation queue, a keep-alive timer per connection), so that
/// 5,000 of them on the server's two cores measure the server rather than the clients.
/// </summary>
internal sealed class LeanConnection : IAsyncDisposable
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly IHubProtocol _protocol;
    private readonly Binder _binder;
    private readonly Action<string, object?> _onInvocation;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private Task _pinging = Task.CompletedTask;
    private int _nextInvocationId;

    private LeanConnection(ClientWebSocket socket, IHubProtocol protocol, IReadOnlyDictionary<string, Type> targets, Action<string, object?> onInvocation)
    {
        _socket = socket;
        _protocol = protocol;
        _binder = new Binder(targets);
        _onInvocation = onInvocation;
    }

    private WebSocketMessageType FrameType => _protocol.TransferFormat == Microsoft.AspNetCore.Connections.TransferFormat.Binary
        ? WebSocketMessageType.Binary
        : WebSocketMessageType.Text;

    /// <summary>
    /// Opens the socket (no negotiate round trip, as the SDK with WebSockets only) and completes the handshake.
    /// <paramref name="targets"/> names the server-to-client methods to take, with their one argument's type;
    /// <paramref name="onInvocation"/> gets each, parsed, on the receiving thread.
    /// </summary>
    public static async Task<LeanConnection> ConnectAsync(
        Uri hubUrl, IHubProtocol protocol, IReadOnlyDictionary<string, Type> targets, Action<string, object?> onInvocation, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            var webSocketUrl = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs }.Uri;
            await socket.ConnectAsync(webSocketUrl, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new LeanConnection(socket, protocol, targets, onInvocation);
        try
        {
            var request = new ArrayBufferWriter<byte>();
            HandshakeProtocol.WriteRequestMessage(new HandshakeRequestMessage(protocol.Name, protocol.Version), request);
            await socket.SendAsync(request.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            connection._receiving = connection.ReceiveLoopAsync();
            await connection._handshake.Task.WaitAsync(cancellationToken);
            connection._pinging = connection.PingLoopAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls a hub method and waits for its completion, as <c>HubConnection.InvokeAsync</c> does.</summary>
    public async Task<T> InvokeAsync<T>(string target, object?[] arguments, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = _binder.Expect(id, typeof(T));
        try
        {
            await SendAsync(new InvocationMessage(id, target, arguments), cancellationToken);
            return (T)(await completion.WaitAsync(cancellationToken))!;
        }
        finally
        {
            _binder.Forget(id);
        }
    }

    /// <summary>Closes politely (the server answers, which ends the receive loop), then stops pinging.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _sending.WaitAsync(patience.Token);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, patience.Token);
                }
                finally
                {
                    _sending.Release();
                }

                await _receiving.WaitAsync(patience.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // The server went first, is gone or is slow: the socket is aborted below.
        }

        await _closing.CancelAsync();
        await Task.WhenAll(_receiving, _pinging).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _sending.Dispose();
        _closing.Dispose();
    }

    private async Task SendAsync(HubMessage message, CancellationToken cancellationToken)
    {
        var bytes = _protocol.GetMessageBytes(message);
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, FrameType, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The server drops a client it has not heard from for 30 s; a ping every 10 s keeps it.</summary>
    private async Task PingLoopAsync()
    {
        try
        {
            // Spread over the interval, so that thousands of connections do not ping in the same instant.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next((int)PingInterval.TotalMilliseconds)), _closing.Token);
            while (!_closing.IsCancellationRequested)
            {
                await SendAsync(PingMessage.Instance, _closing.Token);
                await Task.Delay(PingInterval, _closing.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closing, or the socket is gone (the receive loop reports that).
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[4096];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(filled), _closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                filled += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var unread = new ReadOnlySequence<byte>(buffer, 0, filled);
                Parse(ref unread);
                var remaining = (int)unread.Length;
                Buffer.BlockCopy(buffer, filled - remaining, buffer, 0, remaining);
                filled = remaining;
            }

            _handshake.TrySetException(new WebSocketException("the server closed the connection during the handshake"));
            _binder.FailAll(new WebSocketException("the server closed the connection"));
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            _handshake.TrySetException(exception);
            _binder.FailAll(exception);
        }
    }

    private void Parse(ref ReadOnlySequence<byte> unread)
    {
        if (!_handshake.Task.IsCompleted)
        {
            if (!HandshakeProtocol.TryParseResponseMessage(ref unread, out var response))
            {
                return;
            }

            if (response.Error is { } error)
            {
                _handshake.TrySetException(new HubException(error));
                return;
            }

            _handshake.TrySetResult();
        }

        while (_protocol.TryParseMessage(ref unread, _binder, out var message))
        {
            switch (message)
            {
                case InvocationMessage invocation:
                    _onInvocation(invocation.Target, invocation.Arguments.FirstOrDefault());
                    break;
                case CompletionMessage completion:
                    _binder.Complete(completion);
                    break;
                case CloseMessage close:
                    _binder.FailAll(new HubException(close.Error ?? "the server closed the connection"));
                    break;
                default:
                    // Pings, and invocations of methods this connection does not take (binding failures).
                    break;
            }
        }
    }

    /// <summary>Argument types of the methods taken, and the return type of each pending invocation.</summary>
    private sealed class Binder(IReadOnlyDictionary<string, Type> targets) : IInvocationBinder
    {
        private readonly ConcurrentDictionary<string, (Type Type, TaskCompletionSource<object?> Completion)> _pending = new();

        public Task<object?> Expect(string invocationId, Type returnType)
        {
            var completion = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[invocationId] = (returnType, completion);
            return completion.Task;
        }

        public void Forget(string invocationId) => _pending.TryRemove(invocationId, out _);

        public void Complete(CompletionMessage completion)
        {
            if (completion.InvocationId is { } id && _pending.TryRemove(id, out var pending))
            {
                if (completion.Error is { } error)
                {
                    pending.Completion.TrySetException(new HubException(error));
                }
                else
                {
                    pending.Completion.TrySetResult(completion.Result);
                }
            }
        }

        public void FailAll(Exception exception)
        {
            foreach (var id in _pending.Keys)
            {
                if (_pending.TryRemove(id, out var pending))
                {
                    pending.Completion.TrySetException(exception);
                }
            }
        }

        public Type GetReturnType(string invocationId) =>
            _pending.TryGetValue(invocationId, out var pending) ? pending.Type : typeof(object);

        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            targets.TryGetValue(methodName, out var type) ? [type] : throw new InvalidOperationException($"not taken: {methodName}");

        public Type GetStreamItemType(string streamId) => throw new InvalidOperationException("no streams");
    }
}
