# Draws dead-neurons.svg from dead-neurons.dat; run `gnuplot dead-neurons.gp` in this folder.
set terminal svg size 900,300 dynamic enhanced font 'Helvetica,10'
set output 'dead-neurons.svg'
set multiplot
set style fill solid 0.7 border lc rgb '#08306b'
set boxwidth 0.7
set key off
set grid ytics
set xtics noenhanced nomirror scale 0 font ',9'
set ytics nomirror
set yrange [0:105.02]
set ylabel 'dead units'
set lmargin 8
set xlabel 'hidden layer' font ',10'
set origin 0.0000,0.0000
set size 0.2593,1.0000
set title 'untrained ReLU' font ',11'
set xrange [-0.6:3.6]
plot 'dead-neurons.dat' index 0 using 1:2:xtic(3) with boxes lc rgb '#4292c6', \
     '' index 0 using 1:2:4 with labels noenhanced offset 0,0.7 font ',8'
set ylabel ''
set origin 0.2593,0.0000
set size 0.2593,1.0000
set title 'trained ReLU' font ',11'
set xrange [-0.6:3.6]
plot 'dead-neurons.dat' index 1 using 1:2:xtic(3) with boxes lc rgb '#4292c6', \
     '' index 1 using 1:2:4 with labels noenhanced offset 0,0.7 font ',8'
set origin 0.5185,0.0000
set size 0.4815,1.0000
set title 'untrained deep ReLU' font ',11'
set xrange [-0.6:9.6]
plot 'dead-neurons.dat' index 2 using 1:2:xtic(3) with boxes lc rgb '#4292c6', \
     '' index 2 using 1:2:4 with labels noenhanced offset 0,0.7 font ',8'
unset multiplot
unset output
