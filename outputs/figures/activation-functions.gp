# Draws activation-functions.svg from activation-functions.dat; run `gnuplot activation-functions.gp` in this folder.
set terminal svg size 800,780 dynamic enhanced font 'Helvetica,10'
set output 'activation-functions.svg'
set multiplot layout 3,2
set grid
set key top left box opaque
set xrange [-5:5]
set xlabel 'x'
set xzeroaxis lt -1
set yzeroaxis lt -1
set title 'Sigmoid' font ',12'
plot 'activation-functions.dat' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'f(x)', \
     '' index 0 using 1:3 with lines lw 2 dt 2 lc rgb '#d62728' title 'f''(x)'
set title 'Tanh' font ',12'
plot 'activation-functions.dat' index 1 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'f(x)', \
     '' index 1 using 1:3 with lines lw 2 dt 2 lc rgb '#d62728' title 'f''(x)'
set title 'ReLU' font ',12'
plot 'activation-functions.dat' index 2 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'f(x)', \
     '' index 2 using 1:3 with lines lw 2 dt 2 lc rgb '#d62728' title 'f''(x)'
set title 'LeakyReLU' font ',12'
plot 'activation-functions.dat' index 3 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'f(x)', \
     '' index 3 using 1:3 with lines lw 2 dt 2 lc rgb '#d62728' title 'f''(x)'
set title 'ELU' font ',12'
plot 'activation-functions.dat' index 4 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'f(x)', \
     '' index 4 using 1:3 with lines lw 2 dt 2 lc rgb '#d62728' title 'f''(x)'
set title 'Swish' font ',12'
plot 'activation-functions.dat' index 5 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'f(x)', \
     '' index 5 using 1:3 with lines lw 2 dt 2 lc rgb '#d62728' title 'f''(x)'
unset multiplot
unset output
