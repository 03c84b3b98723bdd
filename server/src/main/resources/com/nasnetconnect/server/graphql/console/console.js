// The GraphQL console: GraphiQL (served from the server's jar, no CDN) on this server's /graphql.
// Queries and mutations go over HTTP with the signed-in browser's session cookie (same origin), or with an API
// key typed into the Headers tab as {"Authorization": "Bearer <key>"} (never stored). Subscriptions use the
// same path over WebSocket with the graphql-transport-ws protocol; connection_init carries the typed key.
(function () {
  'use strict';
  var endpoint = window.location.pathname.replace(/\/+$/, '') || '/graphql';
  var wsUrl = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + endpoint;

  function header(headers, name) {
    var found;
    Object.keys(headers || {}).forEach(function (k) {
      if (k.toLowerCase() === name.toLowerCase()) found = headers[k];
    });
    return found;
  }

  function operationType(params) {
    try {
      var doc = GraphiQL.GraphQL.parse(params.query);
      var ops = doc.definitions.filter(function (d) { return d.kind === 'OperationDefinition'; });
      var op = params.operationName
        ? ops.filter(function (o) { return o.name && o.name.value === params.operationName; })[0]
        : ops[0];
      return op ? op.operation : 'query';
    } catch (e) {
      return 'query'; // the server answers with the syntax error
    }
  }

  function overHttp(params, headers) {
    return fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/json',
                               'Accept': 'application/graphql-response+json, application/json' }, headers),
      body: JSON.stringify(params)
    }).then(function (res) {
      return res.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (e) {
          return { errors: [{ message: 'HTTP ' + res.status + ': ' + text.slice(0, 200) }] };
        }
      });
    });
  }

  // One WebSocket per subscription, graphql-transport-ws: connection_init -> connection_ack -> subscribe ->
  // next* -> complete | error; ping is answered with pong. GraphiQL gets an observable.
  function overWebSocket(params, headers) {
    return {
      subscribe: function (observer) {
        var done = false;
        var socket = new WebSocket(wsUrl, 'graphql-transport-ws');
        function finish(error) {
          if (done) return;
          done = true;
          if (error) observer.error(error); else observer.complete();
          if (socket.readyState <= 1) socket.close(1000, 'done');
        }
        socket.onopen = function () {
          var payload = {};
          var auth = header(headers, 'Authorization');
          if (auth) payload.Authorization = auth;
          socket.send(JSON.stringify({ type: 'connection_init', payload: payload }));
        };
        socket.onmessage = function (event) {
          var msg;
          try { msg = JSON.parse(event.data); } catch (e) { return finish(new Error('not JSON: ' + event.data)); }
          switch (msg.type) {
            case 'connection_ack':
              socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: params }));
              break;
            case 'ping':
              socket.send(JSON.stringify({ type: 'pong' }));
              break;
            case 'next':
              observer.next(msg.payload);
              break;
            case 'error':
              observer.next({ errors: msg.payload });
              finish();
              break;
            case 'complete':
              finish();
              break;
          }
        };
        socket.onclose = function (event) {
          if (!done) finish(new Error('subscription closed: ' + event.code + (event.reason ? ' ' + event.reason : '')));
        };
        return {
          unsubscribe: function () {
            if (!done && socket.readyState === 1) socket.send(JSON.stringify({ id: '1', type: 'complete' }));
            done = true;
            if (socket.readyState <= 1) socket.close(1000, 'unsubscribed');
          }
        };
      }
    };
  }

  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    return operationType(params) === 'subscription' ? overWebSocket(params, headers) : overHttp(params, headers);
  }

  var defaultQuery = '# Signed in, queries run as you. With an API key instead, open Headers below and enter\n'
    + '# {"Authorization": "Bearer <key>"}\n'
    + '{\n  routers { id name status { reachable version } }\n}\n';

  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: defaultQuery,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false
  }));
})();
