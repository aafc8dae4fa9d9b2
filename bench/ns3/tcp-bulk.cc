// The same job as `wirelab simulate --scenario tcp-bulk --bytes N --mtu 1500 --bandwidth 1G --delay 10ms
// --loss 1%` in ns-3 (Debian's libns3-dev 3.37): one TCP connection sending N bytes over a 1 Gbit/s link
// with 10 ms each way and 1% of packets lost, every frame written to a pcap file. Built and run by
// bench/simulate-vs-ns3.sh; not part of wirelab. What still differs from wirelab's run (ns-3's defaults,
// kept): no RACK-TLP (a tail loss waits for the RTO), a minimum RTO of 1 s (Linux 200 ms), delayed ACKs
// every second segment without Linux's quick ACKs, PRR during recovery, a 100-packet device queue
// behind a 1000-packet pfifo_fast (wirelab's link queue is unbounded), PPP framing (2 bytes of header
// per frame, not Ethernet's 14), and a fixed 6 MB receive buffer (wirelab grows its own as Linux does).
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

using namespace ns3;

int main(int argc, char* argv[]) {
    uint64_t bytes = 1000000000;
    std::string pcap = "ns3-tcp-bulk";
    uint32_t seed = 3;
    CommandLine cmd;
    cmd.AddValue("bytes", "bytes to send", bytes);
    cmd.AddValue("pcap", "pcap file prefix", pcap);
    cmd.AddValue("seed", "run number", seed);
    cmd.Parse(argc, argv);
    RngSeedManager::SetRun(seed);

    // CUBIC, as wirelab's default (--cc cubic) and Linux's: ns-3 3.37's default too, named so that
    // another ns-3 version cannot silently compare NewReno with CUBIC.
    Config::SetDefault("ns3::TcpL4Protocol::SocketType", TypeIdValue(TcpCubic::GetTypeId()));
    // Linux-like segments and buffers: a 1500-byte MTU less the IP, TCP and timestamp headers.
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(4 << 20));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(6 << 20));
    Config::SetDefault("ns3::TcpSocketBase::Sack", BooleanValue(true));

    NodeContainer nodes;
    nodes.Create(2);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    link.SetChannelAttribute("Delay", StringValue("10ms"));
    NetDeviceContainer devices = link.Install(nodes);

    // 1% of packets lost in each direction, data and ACKs, as wirelab's --loss loses on its one link.
    for (uint32_t i = 0; i < 2; i++) {
        Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
        loss->SetAttribute("ErrorRate", DoubleValue(0.01));
        loss->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
        devices.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(loss));
    }

    InternetStackHelper stack;
    stack.Install(nodes);
    Ipv4AddressHelper addresses;
    addresses.SetBase("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);

    uint16_t port = 3000;
    PacketSinkHelper sink("ns3::TcpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), port));
    sink.Install(nodes.Get(1)).Start(Seconds(0.0));
    BulkSendHelper source("ns3::TcpSocketFactory", InetSocketAddress(interfaces.GetAddress(1), port));
    source.SetAttribute("MaxBytes", UintegerValue(bytes));
    source.SetAttribute("SendSize", UintegerValue(65536));
    source.Install(nodes.Get(0)).Start(Seconds(0.0));

    link.EnablePcap(pcap, devices.Get(0), false);
    Simulator::Stop(Seconds(5000));
    Simulator::Run();
    Simulator::Destroy();
    return 0;
}
