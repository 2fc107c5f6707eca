# Draws validation-curves.svg from validation-curves.dat; run `gnuplot validation-curves.gp` in this folder.
set terminal svg size 760,480 dynamic enhanced font 'Helvetica,10'
set output 'validation-curves.svg'
set xlabel 'epoch'
set ylabel 'validation accuracy (%)'
set grid
set key outside right top noenhanced
set style fill transparent solid 0.18 noborder
set xtics nomirror 5
set xrange [1:50]
set ytics nomirror
plot 'validation-curves.dat' index 0 using 1:3:4 with filledcurves lc rgb '#0072B2' notitle, \
     '' index 0 using 1:2 with lines lw 2 lc rgb '#0072B2' title 'Sigmoid', \
     '' index 1 using 1:3:4 with filledcurves lc rgb '#D55E00' notitle, \
     '' index 1 using 1:2 with lines lw 2 lc rgb '#D55E00' title 'Tanh', \
     '' index 2 using 1:3:4 with filledcurves lc rgb '#009E73' notitle, \
     '' index 2 using 1:2 with lines lw 2 lc rgb '#009E73' title 'ReLU', \
     '' index 3 using 1:3:4 with filledcurves lc rgb '#CC79A7' notitle, \
     '' index 3 using 1:2 with lines lw 2 lc rgb '#CC79A7' title 'LeakyReLU', \
     '' index 4 using 1:3:4 with filledcurves lc rgb '#E69F00' notitle, \
     '' index 4 using 1:2 with lines lw 2 lc rgb '#E69F00' title 'ELU', \
     '' index 5 using 1:3:4 with filledcurves lc rgb '#56B4E9' notitle, \
     '' index 5 using 1:2 with lines lw 2 lc rgb '#56B4E9' title 'Swish'
unset output
