# Draws activation-distributions.svg from activation-distributions.dat; run `gnuplot activation-distributions.gp` in this folder.
set terminal svg size 1840,1020 dynamic enhanced font 'Helvetica,10'
set output 'activation-distributions.svg'
set multiplot layout 6,8 margins 0.045,0.99,0.05,0.970 spacing 0.05,0.075
set style fill solid 0.7 noborder
set tics font ',7'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set format x '%g'
set format y '%g'
set key off
set yrange [0:*]
set samples 200
set xlabel 'output' font ',7' offset 0,1
set title 'Sigmoid: Layer 0' font ',9' offset 0,-0.6
set xrange [-2.16549397:2.12296462]
set xtics 2
plot 'activation-distributions.dat' index 0 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 1 using 1:(0.0005) smooth kdensity bandwidth 0.0967414313 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: Layer 1' font ',9' offset 0,-0.6
set xrange [0.102892227:0.893115222]
set xtics 0.2
plot 'activation-distributions.dat' index 2 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 3 using 1:(0.0005) smooth kdensity bandwidth 0.0231426245 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: Layer 2' font ',9' offset 0,-0.6
set xrange [-1.03023398:0.98604238]
set xtics 1
plot 'activation-distributions.dat' index 4 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 5 using 1:(0.0005) smooth kdensity bandwidth 0.0704812004 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: Layer 3' font ',9' offset 0,-0.6
set xrange [0.263038754:0.728305459]
set xtics 0.2
plot 'activation-distributions.dat' index 6 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 7 using 1:(0.0005) smooth kdensity bandwidth 0.0171781287 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: Layer 4' font ',9' offset 0,-0.6
set xrange [-0.906463563:1.08886766]
set xtics 0.5
plot 'activation-distributions.dat' index 8 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 9 using 1:(0.0005) smooth kdensity bandwidth 0.068003661 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: Layer 5' font ',9' offset 0,-0.6
set xrange [0.287724048:0.748168409]
set xtics 0.2
plot 'activation-distributions.dat' index 10 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 11 using 1:(0.0005) smooth kdensity bandwidth 0.0165864032 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: Layer 6' font ',9' offset 0,-0.6
set xrange [-0.871724784:0.843048215]
set xtics 0.5
plot 'activation-distributions.dat' index 12 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 13 using 1:(0.0005) smooth kdensity bandwidth 0.06325167 with lines lw 1.5 lc rgb '#08306b'
set title 'Sigmoid: Layer 7' font ',9' offset 0,-0.6
set xrange [0.29489553:0.699106812]
set xtics 0.2
plot 'activation-distributions.dat' index 14 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 15 using 1:(0.0005) smooth kdensity bandwidth 0.0154582732 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: Layer 0' font ',9' offset 0,-0.6
set xrange [-8.16202545:9.06085873]
set xtics 5
plot 'activation-distributions.dat' index 16 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 17 using 1:(0.0005) smooth kdensity bandwidth 0.242994282 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: Layer 1' font ',9' offset 0,-0.6
set xrange [-0.999999821:1]
set xtics 0.5
plot 'activation-distributions.dat' index 18 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 19 using 1:(0.0005) smooth kdensity bandwidth 0.132027953 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: Layer 2' font ',9' offset 0,-0.6
set xrange [-4.9563632:4.13861752]
set xtics 5
plot 'activation-distributions.dat' index 20 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 21 using 1:(0.0005) smooth kdensity bandwidth 0.175761513 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: Layer 3' font ',9' offset 0,-0.6
set xrange [-0.999900937:0.999491632]
set xtics 0.5
plot 'activation-distributions.dat' index 22 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 23 using 1:(0.0005) smooth kdensity bandwidth 0.117926019 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: Layer 4' font ',9' offset 0,-0.6
set xrange [-2.68245578:3.2541914]
set xtics 2
plot 'activation-distributions.dat' index 24 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 25 using 1:(0.0005) smooth kdensity bandwidth 0.145489109 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: Layer 5' font ',9' offset 0,-0.6
set xrange [-0.990687788:0.997022688]
set xtics 0.5
plot 'activation-distributions.dat' index 26 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 27 using 1:(0.0005) smooth kdensity bandwidth 0.109043485 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: Layer 6' font ',9' offset 0,-0.6
set xrange [-4.22735119:4.69534636]
set xtics 5
plot 'activation-distributions.dat' index 28 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 29 using 1:(0.0005) smooth kdensity bandwidth 0.256833022 with lines lw 1.5 lc rgb '#08306b'
set title 'Tanh: Layer 7' font ',9' offset 0,-0.6
set xrange [-0.999574304:0.999833047]
set xtics 0.5
plot 'activation-distributions.dat' index 30 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 31 using 1:(0.0005) smooth kdensity bandwidth 0.152458677 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: Layer 0' font ',9' offset 0,-0.6
set xrange [-7.80214596:5.13798428]
set xtics 5
plot 'activation-distributions.dat' index 32 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 33 using 1:(0.0005) smooth kdensity bandwidth 0.166437461 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: Layer 1' font ',9' offset 0,-0.6
set xrange [0:5.13798428]
set xtics 2
plot 'activation-distributions.dat' index 34 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 35 using 1:(0.0005) smooth kdensity bandwidth 0.0722563244 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: Layer 2' font ',9' offset 0,-0.6
set xrange [-2.66510582:3.69604373]
set xtics 2
plot 'activation-distributions.dat' index 36 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 37 using 1:(0.0005) smooth kdensity bandwidth 0.099039956 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: Layer 3' font ',9' offset 0,-0.6
set xrange [0:3.69604373]
set xtics 1
plot 'activation-distributions.dat' index 38 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 39 using 1:(0.0005) smooth kdensity bandwidth 0.0714132403 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: Layer 4' font ',9' offset 0,-0.6
set xrange [-1.8219949:6.22933435]
set xtics 5
plot 'activation-distributions.dat' index 40 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 41 using 1:(0.0005) smooth kdensity bandwidth 0.123457671 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: Layer 5' font ',9' offset 0,-0.6
set xrange [0:6.22933435]
set xtics 2
plot 'activation-distributions.dat' index 42 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 43 using 1:(0.0005) smooth kdensity bandwidth 0.104392351 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: Layer 6' font ',9' offset 0,-0.6
set xrange [-4.4166584:11.4518337]
set xtics 5
plot 'activation-distributions.dat' index 44 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 45 using 1:(0.0005) smooth kdensity bandwidth 0.265082879 with lines lw 1.5 lc rgb '#08306b'
set title 'ReLU: Layer 7' font ',9' offset 0,-0.6
set xrange [0:11.4518337]
set xtics 5
plot 'activation-distributions.dat' index 46 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 47 using 1:(0.0005) smooth kdensity bandwidth 0.223716402 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: Layer 0' font ',9' offset 0,-0.6
set xrange [-7.672019:5.18516207]
set xtics 5
plot 'activation-distributions.dat' index 48 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 49 using 1:(0.0005) smooth kdensity bandwidth 0.160729263 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: Layer 1' font ',9' offset 0,-0.6
set xrange [-0.7672019:5.18516207]
set xtics 2
plot 'activation-distributions.dat' index 50 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 51 using 1:(0.0005) smooth kdensity bandwidth 0.0771067787 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: Layer 2' font ',9' offset 0,-0.6
set xrange [-3.32306051:4.23716497]
set xtics 2
plot 'activation-distributions.dat' index 52 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 53 using 1:(0.0005) smooth kdensity bandwidth 0.107007755 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: Layer 3' font ',9' offset 0,-0.6
set xrange [-0.332306057:4.23716497]
set xtics 2
plot 'activation-distributions.dat' index 54 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 55 using 1:(0.0005) smooth kdensity bandwidth 0.0774869301 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: Layer 4' font ',9' offset 0,-0.6
set xrange [-2.05558372:6.05506992]
set xtics 5
plot 'activation-distributions.dat' index 56 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 57 using 1:(0.0005) smooth kdensity bandwidth 0.124371845 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: Layer 5' font ',9' offset 0,-0.6
set xrange [-0.205558375:6.05506992]
set xtics 2
plot 'activation-distributions.dat' index 58 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 59 using 1:(0.0005) smooth kdensity bandwidth 0.104929765 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: Layer 6' font ',9' offset 0,-0.6
set xrange [-4.16890574:11.3209543]
set xtics 5
plot 'activation-distributions.dat' index 60 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 61 using 1:(0.0005) smooth kdensity bandwidth 0.260111926 with lines lw 1.5 lc rgb '#08306b'
set title 'LeakyReLU: Layer 7' font ',9' offset 0,-0.6
set xrange [-0.416890591:11.3209543]
set xtics 5
plot 'activation-distributions.dat' index 62 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 63 using 1:(0.0005) smooth kdensity bandwidth 0.219348639 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: Layer 0' font ',9' offset 0,-0.6
set xrange [-9.76700211:6.26631355]
set xtics 5
plot 'activation-distributions.dat' index 64 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 65 using 1:(0.0005) smooth kdensity bandwidth 0.216303986 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: Layer 1' font ',9' offset 0,-0.6
set xrange [-0.99994266:6.26631355]
set xtics 2
plot 'activation-distributions.dat' index 66 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 67 using 1:(0.0005) smooth kdensity bandwidth 0.125368562 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: Layer 2' font ',9' offset 0,-0.6
set xrange [-6.92977715:6.51066303]
set xtics 5
plot 'activation-distributions.dat' index 68 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 69 using 1:(0.0005) smooth kdensity bandwidth 0.206315259 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: Layer 3' font ',9' offset 0,-0.6
set xrange [-0.999021769:6.51066303]
set xtics 2
plot 'activation-distributions.dat' index 70 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 71 using 1:(0.0005) smooth kdensity bandwidth 0.145504254 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: Layer 4' font ',9' offset 0,-0.6
set xrange [-5.51165342:7.07527065]
set xtics 5
plot 'activation-distributions.dat' index 72 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 73 using 1:(0.0005) smooth kdensity bandwidth 0.18434366 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: Layer 5' font ',9' offset 0,-0.6
set xrange [-0.995960593:7.07527065]
set xtics 5
plot 'activation-distributions.dat' index 74 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 75 using 1:(0.0005) smooth kdensity bandwidth 0.14884022 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: Layer 6' font ',9' offset 0,-0.6
set xrange [-8.41302395:10.3996563]
set xtics 5
plot 'activation-distributions.dat' index 76 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 77 using 1:(0.0005) smooth kdensity bandwidth 0.335422033 with lines lw 1.5 lc rgb '#08306b'
set title 'ELU: Layer 7' font ',9' offset 0,-0.6
set xrange [-0.999778032:10.3996563]
set xtics 5
plot 'activation-distributions.dat' index 78 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 79 using 1:(0.0005) smooth kdensity bandwidth 0.258407481 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: Layer 0' font ',9' offset 0,-0.6
set xrange [-10.3618402:9.21493912]
set xtics 5
plot 'activation-distributions.dat' index 80 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 81 using 1:(0.0005) smooth kdensity bandwidth 0.215637959 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: Layer 1' font ',9' offset 0,-0.6
set xrange [-0.278464556:9.21402168]
set xtics 5
plot 'activation-distributions.dat' index 82 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 83 using 1:(0.0005) smooth kdensity bandwidth 0.0832596348 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: Layer 2' font ',9' offset 0,-0.6
set xrange [-5.10557604:5.6500349]
set xtics 5
plot 'activation-distributions.dat' index 84 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 85 using 1:(0.0005) smooth kdensity bandwidth 0.155565219 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: Layer 3' font ',9' offset 0,-0.6
set xrange [-0.278464556:5.63023138]
set xtics 2
plot 'activation-distributions.dat' index 86 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 87 using 1:(0.0005) smooth kdensity bandwidth 0.109048999 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: Layer 4' font ',9' offset 0,-0.6
set xrange [-5.72858286:10.694706]
set xtics 5
plot 'activation-distributions.dat' index 88 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 89 using 1:(0.0005) smooth kdensity bandwidth 0.197777053 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: Layer 5' font ',9' offset 0,-0.6
set xrange [-0.278464556:10.6944637]
set xtics 5
plot 'activation-distributions.dat' index 90 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 91 using 1:(0.0005) smooth kdensity bandwidth 0.153674794 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: Layer 6' font ',9' offset 0,-0.6
set xrange [-13.6113605:16.4963074]
set xtics 10
plot 'activation-distributions.dat' index 92 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 93 using 1:(0.0005) smooth kdensity bandwidth 0.411676522 with lines lw 1.5 lc rgb '#08306b'
set title 'Swish: Layer 7' font ',9' offset 0,-0.6
set xrange [-0.278464556:16.4963055]
set xtics 5
plot 'activation-distributions.dat' index 94 using 1:2:3 with boxes lc rgb '#5b9bd5', \
     '' index 95 using 1:(0.0005) smooth kdensity bandwidth 0.292155004 with lines lw 1.5 lc rgb '#08306b'
unset multiplot
unset output
