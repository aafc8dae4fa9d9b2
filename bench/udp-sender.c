/*
 * udp-sender: sends COUNT datagrams of SIZE bytes from 127.0.0.1 to 127.0.0.1:PORT, as fast as one
 * thread can (RATE 0) or paced to RATE datagrams per second, then prints what it sent on stdout:
 *   sent=1000000 seconds=2.913 rate=343289
 * It binds PORT itself and never reads it, so every datagram has a receiver (no ICMP port
 * unreachable) and the receiving socket's full buffer drops them after lo has shown them to captures.
 *
 *   gcc -O2 -o udp-sender bench/udp-sender.c && ./udp-sender PORT [COUNT [SIZE [RATE]]]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT [COUNT [SIZE [RATE]]]\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    long count = argc > 2 ? atol(argv[2]) : 1000000;
    int size = argc > 3 ? atoi(argv[3]) : 100;
    double rate = argc > 4 ? atof(argv[4]) : 0;
    if (port < 1 || port > 65535 || count < 1 || size < 1 || size > 65507 || rate < 0) {
        fprintf(stderr, "udp-sender: bad arguments\n");
        return 2;
    }

    struct sockaddr_in to = {0};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int sink = socket(AF_INET, SOCK_DGRAM, 0);
    if (sink < 0 || bind(sink, (struct sockaddr *) &to, sizeof to) < 0) {
        fprintf(stderr, "udp-sender: cannot bind 127.0.0.1:%d: %s\n", port, strerror(errno));
        return 1;
    }
    int sender = socket(AF_INET, SOCK_DGRAM, 0);
    if (sender < 0) {
        perror("socket");
        return 1;
    }
    char *payload = calloc(1, size);
    double start = now();
    long sent = 0;
    while (sent < count) {
        if (rate > 0) {
            /* Pace by the clock, not by sleeping per datagram: catch up in bursts when late. */
            double due = start + sent / rate;
            while (now() < due) {
            }
        }
        payload[0] = (char) sent;
        if (sendto(sender, payload, size, 0, (struct sockaddr *) &to, sizeof to) == size) {
            sent++;
        } else if (errno != ENOBUFS && errno != EAGAIN && errno != EINTR) {
            perror("sendto");
            return 1;
        }
    }
    double seconds = now() - start;
    printf("sent=%ld seconds=%.3f rate=%.0f\n", sent, seconds, sent / seconds);
    return 0;
}
